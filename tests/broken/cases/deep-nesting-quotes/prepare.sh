# A paragraph inside block quotes nested 1,000 levels deep ('> > > ...').
{
  printf '# Second\n\n'
  for _ in $(seq 1000); do printf '> '; done
  printf 'Deep down.\n'
} > lessons/02-second.md
