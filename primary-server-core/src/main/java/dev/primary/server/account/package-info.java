/**
 * Named accounts of the admin API, their roles and their API tokens: who may read or change what
 * (docs/admin-api.md, "Roles"). Passwords reach this package only to be hashed through {@link
 * dev.primary.server.account.PasswordHashing}; tokens only as the SHA-256 of their secret.
 */
package dev.primary.server.account;
