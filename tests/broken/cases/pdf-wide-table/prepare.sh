# The 200-column table of wide-table, laid out for print: on a 5-inch measure
# each column is narrower than one letter.
bash "$GOBOOK_SOURCE_DIR/tests/broken/cases/wide-table/prepare.sh"
