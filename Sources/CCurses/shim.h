// ncursesw for Swift. SwiftPM drops pkg-config's -D flags, so wide-character
// support is switched on here; function-like macros and mutable globals do not
// import into Swift 6, so they are wrapped as inline functions.
#ifndef BEDSIDE_CCURSES_SHIM_H
#define BEDSIDE_CCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *bedside_stdscr(void) { return stdscr; }
/// Like initscr(), but returns NULL for a terminal type terminfo does not
/// know instead of exiting the program.
static inline SCREEN *bedside_newterm(void) { return newterm(NULL, stdout, stdin); }
/* A terminal that cannot move the cursor (TERM=dumb) cannot show a full screen. */
static inline int bedside_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
static inline int bedside_lines(void) { return LINES; }
static inline int bedside_cols(void) { return COLS; }
static inline int bedside_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t bedside_a_bold(void) { return A_BOLD; }
static inline attr_t bedside_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bedside_a_reverse(void) { return A_REVERSE; }
static inline attr_t bedside_a_dim(void) { return A_DIM; }
static inline attr_t bedside_a_italic(void) { return A_ITALIC; }
static inline attr_t bedside_a_normal(void) { return A_NORMAL; }
static inline mmask_t bedside_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t bedside_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t bedside_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t bedside_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t bedside_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t bedside_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Puts one character cell (a base character plus an attribute and colour
/// pair) at the cursor position.
/* One cell: a spacing character and the zero-width marks that go with it
 * (combining accents, variation selectors, joiners), up to CCHARW_MAX in all. */
static inline int bedside_put_cell(int y, int x, const wchar_t *chars, int count, attr_t attr, short pair) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = chars[i];
    text[n] = 0;
    setcchar(&cell, text, attr, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

static inline int bedside_utf8_locale(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}
#endif
