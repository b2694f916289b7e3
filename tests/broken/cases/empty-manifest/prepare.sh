: > SUMMARY.md
