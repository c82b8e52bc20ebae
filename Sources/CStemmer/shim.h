// Snowball's libstemmer (Debian's libstemmer-dev has no pkg-config file).
#ifndef BEDSIDE_CSTEMMER_SHIM_H
#define BEDSIDE_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
