sed -i 's/#basics/#basic/' lessons/02-second.md
