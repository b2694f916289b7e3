# libhyphen (Debian's libhyphen-dev) ships neither a CMake config nor pkg-config.
find_path(HYPHEN_INCLUDE_DIR hyphen.h)
find_library(HYPHEN_LIBRARY hyphen)
find_file(HYPHEN_EN_US_DICTIONARY hyph_en_US.dic PATHS /usr/share/hyphen)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hyphen DEFAULT_MSG HYPHEN_LIBRARY HYPHEN_INCLUDE_DIR)
if(Hyphen_FOUND AND NOT TARGET Hyphen::Hyphen)
  add_library(Hyphen::Hyphen INTERFACE IMPORTED)
  set_target_properties(Hyphen::Hyphen PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HYPHEN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${HYPHEN_LIBRARY}")
endif()
