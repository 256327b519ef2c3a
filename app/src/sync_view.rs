//! A view that hydrates only synchronously.
//!
//! Panorama hydrates with `hydrate_body`, which never takes tachys's asynchronous hydration path
//! (`RenderHtml::hydrate_async`, meant for `hydrate_lazy`): a lazy page's code is loaded before
//! hydration starts (`lib.rs`, `hydrate`). Yet every view turned into an `AnyView` (a route's
//! page, the router's children) keeps a pointer to its `hydrate_async`, so the compiler keeps
//! an async twin of the hydration code of everything under it: 66 KB of the wasm before
//! wasm-opt. Wrapped in [`SyncView`], a view's `hydrate_async` is the trait's default, its sync
//! `hydrate` in a future, and the twin is never compiled.

use leptos::tachys::{
    html::attribute::{Attribute, any_attribute::AnyAttribute},
    hydration::Cursor,
    ssr::StreamBuilder,
    view::{Position, PositionState, Render, RenderHtml, add_attr::AddAnyAttr},
};

/// `view`, rendered and hydrated as it is, without its own asynchronous hydration.
pub struct SyncView<V>(V);

pub fn sync_view<V: RenderHtml>(view: V) -> SyncView<V> {
    SyncView(view)
}

impl<V: Render> Render for SyncView<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(state)
    }
}

impl<V: AddAnyAttr> AddAnyAttr for SyncView<V> {
    type Output<SomeNewAttr: Attribute> = SyncView<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        SyncView(self.0.add_any_attr(attr))
    }
}

impl<V: RenderHtml> RenderHtml for SyncView<V> {
    type AsyncOutput = SyncView<V::AsyncOutput>;
    type Owned = SyncView<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve()
    }

    async fn resolve(self) -> Self::AsyncOutput {
        SyncView(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        )
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        SyncView(self.0.into_owned())
    }
}
