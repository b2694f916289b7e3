// Sets an environment variable (or unsets it, for nullptr) for the object's
// lifetime, then restores it: tests that point gobook at a cache folder or a
// time zone must not leak that into the tests after them.
#ifndef GOBOOK_TESTS_SUPPORT_SCOPED_ENV_H_
#define GOBOOK_TESTS_SUPPORT_SCOPED_ENV_H_

#include <stdlib.h>

#include <optional>
#include <string>

namespace gobook::testing {

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() { Restore(); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  // Puts the old value back now (the destructor then does nothing).
  void Restore() {
    if (restored_) return;
    restored_ = true;
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
  bool restored_ = false;
};

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_SCOPED_ENV_H_
