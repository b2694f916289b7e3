rm book.toml
