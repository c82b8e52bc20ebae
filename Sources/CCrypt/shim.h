// libcrypt (crypt(3)), to check the kiosk staff PIN against exit-pin-hash.
#ifndef BEDSIDE_CCRYPT_SHIM_H
#define BEDSIDE_CCRYPT_SHIM_H
#include <crypt.h>
#endif
