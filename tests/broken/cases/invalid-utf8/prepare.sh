printf '# Second\n\nCaf\xe9 au lait.\n' > lessons/02-second.md
