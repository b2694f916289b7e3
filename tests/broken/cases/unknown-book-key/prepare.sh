sed -i 's/^title = /titel = /' book.toml
