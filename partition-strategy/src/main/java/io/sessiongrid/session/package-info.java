/**
 * The session state store: the public API that applications use, identical on members and clients.
 *
 * <p>A session ({@code sessionId}) holds named partitions ({@code auth}, {@code cart}, {@code game}, ...),
 * each a document of named string elements: the hierarchy {@code session / partition / element}.
 * {@link io.sessiongrid.session.SessionStore} reads and writes whole partitions, applies element-level
 * deltas that send only the change, and guards concurrent writers with optimistic versions.
 *
 * <p>Every failure caused by the caller's input is a {@link io.sessiongrid.session.SessionStoreException}
 * subtype whose message names the limit or the allowed values; none of them leaves a partial write.
 * {@link io.sessiongrid.session.EncryptionKeysets} manages the keysets of encrypted types (rotation).
 */
package io.sessiongrid.session;
