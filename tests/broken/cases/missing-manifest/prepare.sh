rm SUMMARY.md
