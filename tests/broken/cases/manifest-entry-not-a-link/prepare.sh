printf "3. Just a title\n" >> SUMMARY.md
