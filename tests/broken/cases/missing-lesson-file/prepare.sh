rm lessons/02-second.md
