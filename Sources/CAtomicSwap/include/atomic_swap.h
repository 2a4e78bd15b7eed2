#ifndef REPORTSITE_ATOMIC_SWAP_H
#define REPORTSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at no moment is either missing.
/// Returns 0 on success, -1 when the system or file system cannot (then errno says why).
int reportsite_exchange_paths(const char *first, const char *second);

/// Writes to disk everything written on the file system that holds `path` (Linux syncfs; elsewhere fsync of the
/// folder, then sync), once, before a new site is put in place: its files are on disk before the site that
/// names them is published, however the machine stops. Returns 0 on success, -1 otherwise (errno says why).
int reportsite_sync_file_system(const char *path);

#endif
