pub mod article_card;
pub mod category_tabs;
pub mod footer;
pub mod header;
pub mod notices;
pub mod share;
pub mod source_states;
