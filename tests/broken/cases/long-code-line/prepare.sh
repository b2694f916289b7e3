# A Go block with a 20,000-character line: a warning (72 columns fit the printed
# page), and a build, in linear time; the PDF wraps it behind wrap marks.
{
  printf '# Second\n\n```go\npackage main\n\nfunc main() {\n\tx := "'
  for _ in $(seq 2000); do printf 'abcdefghij'; done
  printf '"\n\t_ = x\n}\n```\n'
} > lessons/02-second.md
