printf "3. [First again](lessons/01-first.md)\n" >> SUMMARY.md
