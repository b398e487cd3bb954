//! What one template may do in one rendering: write at most [`MAX_OUTPUT`] bytes and take at most
//! [`MAX_TIME`]. A theme's loop that never ends (loops nested over `range`, a loop writing without bound)
//! is stopped with an error naming the template instead of growing to gigabytes or running for ever.
//!
//! Tera has no `while`: every loop runs over data or over `range`, which Tera caps at 100,000 numbers. Output
//! is checked as it is written ([`Budgeted`]); a loop that writes nothing is checked each time it asks
//! `range` for numbers ([`range`], which replaces Tera's own with the same arguments and cap).

use std::cell::Cell;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// The most one rendering of a template may write (the whole-report page of 10,000 cases is about 95 MB).
pub const MAX_OUTPUT: usize = 512 << 20;

/// The longest one rendering of a template may take (a case page takes milliseconds).
pub const MAX_TIME: Duration = Duration::from_secs(60);

/// Why a rendering was stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// It wrote more than [`MAX_OUTPUT`].
    Output,
    /// It ran longer than [`MAX_TIME`].
    Time,
}

thread_local! {
    /// When the rendering going on in this thread must end, for [`range`].
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// A writer for one rendering, refusing to write past the budget (the rendering then fails with an I/O
/// error, and [`Budgeted::exceeded`] says why). While it lives, [`range`] in this thread checks its deadline.
pub struct Budgeted<W: Write> {
    inner: W,
    written: usize,
    limit: usize,
    deadline: Instant,
    exceeded: Option<Exceeded>,
    outer: Option<Instant>,
}

impl<W: Write> Budgeted<W> {
    /// Starts the budget of one rendering into `inner`.
    pub fn new(inner: W) -> Budgeted<W> {
        Budgeted::with_limits(inner, MAX_OUTPUT, MAX_TIME)
    }

    /// A budget of `limit` bytes and `time`.
    pub fn with_limits(inner: W, limit: usize, time: Duration) -> Budgeted<W> {
        let deadline = Instant::now() + time;
        let outer = DEADLINE.with(|d| d.replace(Some(deadline)));
        Budgeted {
            inner,
            written: 0,
            limit,
            deadline,
            exceeded: None,
            outer,
        }
    }

    /// Whether the rendering was stopped, and why ([`range`]'s deadline counts too).
    pub fn exceeded(&self) -> Option<Exceeded> {
        self.exceeded
            .or_else(|| (Instant::now() > self.deadline).then_some(Exceeded::Time))
    }

    fn stop(&mut self, why: Exceeded) -> io::Error {
        self.exceeded = Some(why);
        io::Error::other(match why {
            Exceeded::Output => "the template wrote more than the budget allows",
            Exceeded::Time => "the template ran longer than the budget allows",
        })
    }
}

impl<W: Write> Drop for Budgeted<W> {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.outer));
    }
}

impl<W: Write> Write for Budgeted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written + buf.len() > self.limit {
            return Err(self.stop(Exceeded::Output));
        }
        // The clock is read once per 64 KiB written, not on each of Tera's many small writes.
        if (self.written + buf.len()) >> 16 != self.written >> 16 && Instant::now() > self.deadline
        {
            return Err(self.stop(Exceeded::Time));
        }
        let n = self.inner.write(buf)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The most numbers one call of `range` gives (Tera's own cap).
const MAX_RANGE_LEN: i128 = 100_000;

/// Tera's `range(end, start=0, step_by=1)`, which also stops a rendering past its deadline.
pub fn range(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<Vec<i128>> {
    if DEADLINE.with(Cell::get).is_some_and(|d| Instant::now() > d) {
        return Err(tera::Error::message(format!(
            "the template ran longer than {} s: it probably loops without end",
            MAX_TIME.as_secs()
        )));
    }
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `step_by` argument of 0",
        ));
    }
    if start > end && step > 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `start` argument greater than the `end` one",
        ));
    }
    let overflow =
        || tera::Error::message("Function `range` was called with arguments that overflow");
    // The count of numbers from start towards end (excluded), by step.
    let span = if step > 0 {
        end.checked_sub(start)
    } else {
        start.checked_sub(end)
    }
    .ok_or_else(overflow)?
    .max(0);
    let stride = step.checked_abs().ok_or_else(overflow)?;
    let len = span.checked_add(stride - 1).ok_or_else(overflow)? / stride;
    if len > MAX_RANGE_LEN {
        return Err(tera::Error::message(format!(
            "Function `range` would produce {len} elements, which exceeds the limit of {MAX_RANGE_LEN}"
        )));
    }
    Ok((0..len).map(|i| start + i * step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera() -> tera::Tera {
        let mut tera = tera::Tera::new();
        tera.register_function("range", range);
        tera
    }

    fn render(
        tera: &tera::Tera,
        template: &str,
        limit: usize,
        time: Duration,
    ) -> (Result<String, String>, Option<Exceeded>) {
        let mut out = Vec::new();
        let mut writer = Budgeted::with_limits(&mut out, limit, time);
        let result = tera.render_str_to(template, &tera::Context::new(), false, &mut writer);
        let exceeded = writer.exceeded();
        drop(writer);
        (
            result
                .map(|()| String::from_utf8(out).unwrap())
                .map_err(|e| e.to_string()),
            exceeded,
        )
    }

    #[test]
    fn range_gives_what_teras_gives() {
        let tera = tera();
        let cases = [
            ("{{ range(end=5) }}", "[0, 1, 2, 3, 4]"),
            ("{{ range(start=2, end=5) }}", "[2, 3, 4]"),
            ("{{ range(start=0, end=10, step_by=3) }}", "[0, 3, 6, 9]"),
            ("{{ range(start=5, end=0, step_by=-2) }}", "[5, 3, 1]"),
            ("{{ range(start=0, end=5, step_by=-1) }}", "[]"),
            ("{{ range(end=0) }}", "[]"),
        ];
        let plain = tera::Tera::new();
        for (template, want) in cases {
            let (got, _) = render(&tera, template, 1 << 20, MAX_TIME);
            assert_eq!(got.as_deref(), Ok(want), "{template}");
            let theirs = plain
                .render_str(template, &tera::Context::new(), false)
                .unwrap();
            assert_eq!(theirs, want, "Tera's own range, {template}");
        }
        for bad in [
            "{{ range(end=200000) }}",
            "{{ range(start=5, end=0) }}",
            "{{ range(end=5, step_by=0) }}",
        ] {
            assert!(render(&tera, bad, 1 << 20, MAX_TIME).0.is_err(), "{bad}");
            assert!(
                plain.render_str(bad, &tera::Context::new(), false).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_loop_writing_without_end_is_stopped_by_size() {
        let tera = tera();
        let template = "{% for a in range(end=100000) %}{% for b in range(end=100000) %}xxxxxxxx{% endfor %}{% endfor %}";
        let (result, exceeded) = render(&tera, template, 1 << 20, MAX_TIME);
        assert!(result.is_err());
        assert_eq!(exceeded, Some(Exceeded::Output));
    }

    #[test]
    fn a_loop_writing_nothing_is_stopped_by_time() {
        let tera = tera();
        let template = "{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}";
        let started = Instant::now();
        let (result, exceeded) = render(&tera, template, 1 << 20, Duration::from_millis(300));
        assert!(result.unwrap_err().contains("loops without end"));
        assert_eq!(exceeded, Some(Exceeded::Time));
        assert!(started.elapsed() < Duration::from_secs(30));
    }

    #[test]
    fn a_rendering_within_budget_is_untouched() {
        let (result, exceeded) = render(
            &tera(),
            "{% for i in range(end=3) %}{{ i }}{% endfor %}",
            1 << 20,
            MAX_TIME,
        );
        assert_eq!(result.as_deref(), Ok("012"));
        assert_eq!(exceeded, None);
        assert_eq!(
            DEADLINE.with(Cell::get),
            None,
            "the deadline ends with the rendering"
        );
    }
}
