pub mod archive;
pub mod article;
pub mod contact;
pub mod home;
pub mod not_found;
pub mod privacy;
pub mod saved;
pub mod settings;
