# A link that climbs out of the book folder: refused, and the file never read.
sed -i 's|01-first.md#basics|../../../etc/passwd|' lessons/02-second.md
