//! Phase times for benchmarks and profiling: with `KIEUMAU_TIMINGS=1`, each phase of a run
//! prints its wall and CPU time on stderr; otherwise nothing is measured or printed.

use std::sync::OnceLock;
use std::time::Instant;

/// Times the phases of a run and, with `KIEUMAU_TIMINGS=1`, prints each on stderr (wall time and
/// the process's CPU time, all threads): a cheap breakdown for benchmarks that needs no profiler.
pub struct Timer {
    last: Instant,
    last_cpu: f64,
}

impl Timer {
    pub fn start() -> Self {
        Timer { last: Instant::now(), last_cpu: if timings_on() { cpu_seconds() } else { 0.0 } }
    }

    /// Reports the time since the previous lap (or the start) as `phase`.
    pub fn lap(&mut self, phase: &str) {
        if !timings_on() {
            return;
        }
        let (now, cpu) = (Instant::now(), cpu_seconds());
        eprintln!(
            "timing: {phase:<36} {:>7.3} s wall {:>7.3} s cpu",
            (now - self.last).as_secs_f64(),
            cpu - self.last_cpu
        );
        (self.last, self.last_cpu) = (now, cpu);
    }
}

/// Whether phase times are wanted.
pub fn enabled() -> bool {
    timings_on()
}

/// Prints one line of the report (a detail of a phase, say).
pub fn note(line: &str) {
    if timings_on() {
        eprintln!("timing: {line}");
    }
}

fn timings_on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("KIEUMAU_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// User + system CPU time of the whole process so far, from `/proc/self/stat` (0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in ticks.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest.split_whitespace().skip(11).take(2).filter_map(|t| t.parse::<u64>().ok()).sum();
    ticks as f64 / 100.0
}
