// The one test binary's main; every *_test.cc under tests/ links into it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
