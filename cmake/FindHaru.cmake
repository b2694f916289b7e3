# libharu (Debian's libhpdf-dev) ships neither a CMake config nor pkg-config.
find_path(HARU_INCLUDE_DIR hpdf.h)
find_library(HARU_LIBRARY hpdf)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Haru DEFAULT_MSG HARU_LIBRARY HARU_INCLUDE_DIR)
if(Haru_FOUND AND NOT TARGET Haru::Haru)
  add_library(Haru::Haru INTERFACE IMPORTED)
  set_target_properties(Haru::Haru PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HARU_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${HARU_LIBRARY}")
endif()
