# The 1,000 levels of deep-nesting-quotes, laid out for print.
bash "$GOBOOK_SOURCE_DIR/tests/broken/cases/deep-nesting-quotes/prepare.sh"
