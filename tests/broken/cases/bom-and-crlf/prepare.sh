printf '\xef\xbb\xbf# Second\r\n\r\nBack to [the basics](01-first.md#basics).\r\n' > lessons/02-second.md
