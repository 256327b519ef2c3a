//! The executor Leptos runs the app's tasks on in the browser: wasm-bindgen-futures, except that
//! the tasks spawned while the page hydrates (every effect's first run, among others) each start
//! in a task of their own, after a zero-delay timer, instead of at the end of hydration's task.
//!
//! On a phone, hydration plus those first runs in one go is a long task that holds back the
//! reader's first tap (Lighthouse counts it as blocking time); in many short tasks the browser
//! can answer input and paint between them. After hydration, tasks spawn as Leptos spawns them.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use std::cell::Cell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static DEFERRING: Cell<bool> = const { Cell::new(false) };
}

struct Yielding;

impl CustomExecutor for Yielding {
    // wasm has one thread: a thread-safe future runs like a local one (wasm-bindgen-futures'
    // executor in any_spawner panics instead).
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        if DEFERRING.with(Cell::get) {
            wasm_bindgen_futures::spawn_local(async move {
                next_task().await;
                fut.await;
            });
        } else {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }

    // wasm-bindgen-futures polls by itself, from the browser's microtask queue.
    fn poll_local(&self) {}
}

/// Makes this the executor; before anything spawns (Leptos's own setup then finds it set).
pub fn init() {
    let _ = Executor::init_custom_executor(Yielding);
}

/// Runs `hydrate` with every task it spawns deferred to a task of its own, then `after` once
/// those tasks have started (timers of equal delay fire in the order they were set).
pub fn hydrating(hydrate: impl FnOnce(), after: impl FnOnce() + 'static) {
    DEFERRING.with(|d| d.set(true));
    hydrate();
    Executor::spawn_local(async move { after() });
    DEFERRING.with(|d| d.set(false));
}

/// Resolves in a new task of the browser's event loop.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if leptos::prelude::window()
            .set_timeout_with_callback(&resolve)
            .is_err()
        {
            // No timer: carry on in this task rather than never.
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
