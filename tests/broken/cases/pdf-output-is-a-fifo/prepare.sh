# The output path is a FIFO: writing into it would block until someone reads,
# and renaming over it would take it from whoever uses it. It must be refused.
mkdir -p ../out && mkfifo ../out/fifo
