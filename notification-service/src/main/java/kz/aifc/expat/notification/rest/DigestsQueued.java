package kz.aifc.expat.notification.rest;

/** Answer of a digest run: how many companies' visa-expiry digests were queued for sending. */
public record DigestsQueued(int queued) {
}
