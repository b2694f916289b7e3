# The 1,000 levels of deep-nesting-lists, laid out for print.
bash "$GOBOOK_SOURCE_DIR/tests/broken/cases/deep-nesting-lists/prepare.sh"
