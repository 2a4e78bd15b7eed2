#ifndef REPORTSITE_ATOMIC_SWAP_H
#define REPORTSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at no moment is either missing.
/// Returns 0 on success, -1 when the system or file system cannot (then errno says why).
int reportsite_exchange_paths(const char *first, const char *second);

#endif
