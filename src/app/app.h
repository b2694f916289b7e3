// The command line: a table of commands (epub, check, stats), each a function
// from parsed options to an exit status. main() only calls RunGobook.
#ifndef GOBOOK_APP_APP_H_
#define GOBOOK_APP_APP_H_

#include <iosfwd>
#include <string>

#include "doc/model.h"

namespace gobook::app {

// Runs gobook with its command-line arguments; returns the exit status.
int RunGobook(int argc, char** argv);

// `gobook stats` as text and as JSON.
std::string StatsText(const doc::Book& book);
std::string StatsJson(const doc::Book& book);

}  // namespace gobook::app

#endif  // GOBOOK_APP_APP_H_
