# A raw HTML id that a heading's id already took ('## More' is 'more').
printf '\n<div id="more">An anchor of my own.</div>\n' >> lessons/02-second.md
