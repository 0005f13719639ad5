/**
 * The embedded durable store: {@link io.kumo.store.EmbeddedStore}.
 *
 * <p>Every value lives in memory; durability comes from a write-ahead log with group commit
 * ({@link io.kumo.store.WriteAheadLog}, {@link io.kumo.store.GroupCommitter}) and periodic
 * snapshots ({@link io.kumo.store.Snapshotter}) that let old log segments go. On open,
 * {@link io.kumo.store.Recovery} loads the newest snapshot and replays the log after it, cutting
 * off a record torn by a crash. The files are described in {@link io.kumo.store.DataDir}.
 */
package io.kumo.store;
