# A list nested 1,000 levels deep, each item two spaces further in than its parent.
{
  printf '# Second\n\n'
  for i in $(seq 0 999); do printf '%*s- item %d\n' $((2 * i)) '' "$i"; done
} > lessons/02-second.md
