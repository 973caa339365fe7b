//! Hooks the integration tests use to prove failure paths: a deliberate panic (the
//! terminal is restored) and saves that fail at a chosen step. They read the environment
//! only in debug builds, which is what `cargo test` runs; a release build compiles them
//! to nothing.

use ratatui::crossterm::event::Event;

use crate::store::FaultPoint;

/// `HOTSEAT_TEST_PANIC` set and F12 pressed: panic, as a bug would.
#[cfg(debug_assertions)]
pub fn maybe_panic(event: &Event) {
    use ratatui::crossterm::event::KeyCode;
    if let Event::Key(k) = event
        && k.code == KeyCode::F(12)
        && std::env::var_os("HOTSEAT_TEST_PANIC").is_some()
    {
        panic!("panic requested by HOTSEAT_TEST_PANIC");
    }
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn maybe_panic(_event: &Event) {}

/// `HOTSEAT_INJECT_FAULT` (create, write, fsync, rename, dirfsync or diskfull): every save
/// fails at that step.
#[cfg(debug_assertions)]
pub fn fault() -> Option<FaultPoint> {
    std::env::var("HOTSEAT_INJECT_FAULT").ok().and_then(|v| FaultPoint::parse(&v))
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn fault() -> Option<FaultPoint> {
    None
}
