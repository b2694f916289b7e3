rm lessons/02-second.md
mkdir lessons/02-second.md
