# The 20,000-character code line of long-code-line, laid out for print.
bash "$GOBOOK_SOURCE_DIR/tests/broken/cases/long-code-line/prepare.sh"
