sed -i 's/01-first.md#basics/09-nine.md/' lessons/02-second.md
