use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = hotseat::cli::fast::common(&args).unwrap_or_else(|| hotseat::cli::Cli::parse_from(args));
    match hotseat::cli::run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            hotseat::tui::terminal::restore();
            eprintln!("hotseat: {}", hotseat::sync::untrusted::clean(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// Output cut short by the reader (`hotseat actions | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
