// gobook: the entry point. Everything lives in the stage libraries; see src/app.
#include "app/app.h"

int main(int argc, char** argv) { return gobook::app::RunGobook(argc, argv); }
