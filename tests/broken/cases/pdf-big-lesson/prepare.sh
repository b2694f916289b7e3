# The 10 MB lesson of big-lesson, laid out for print.
bash "$GOBOOK_SOURCE_DIR/tests/broken/cases/big-lesson/prepare.sh"
