# cmark-gfm ships a pkg-config file for the core library but none for its extensions.
find_path(CMARK_GFM_INCLUDE_DIR cmark-gfm.h)
find_library(CMARK_GFM_LIBRARY cmark-gfm)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY cmark-gfm-extensions)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE_DIR cmark-gfm-core-extensions.h)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CmarkGfm DEFAULT_MSG
  CMARK_GFM_LIBRARY CMARK_GFM_EXTENSIONS_LIBRARY CMARK_GFM_INCLUDE_DIR
  CMARK_GFM_EXTENSIONS_INCLUDE_DIR)
if(CmarkGfm_FOUND AND NOT TARGET CmarkGfm::cmark-gfm)
  add_library(CmarkGfm::cmark-gfm INTERFACE IMPORTED)
  set_target_properties(CmarkGfm::cmark-gfm PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CMARK_GFM_INCLUDE_DIR};${CMARK_GFM_EXTENSIONS_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CMARK_GFM_EXTENSIONS_LIBRARY};${CMARK_GFM_LIBRARY}")
endif()
