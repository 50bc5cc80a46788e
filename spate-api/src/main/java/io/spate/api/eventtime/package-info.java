/**
 * Event time: {@link io.spate.api.eventtime.WatermarkStrategy}, timestamp assigners, watermark
 * generators and watermarks. Public; watermark alignment is public-evolving.
 */
package io.spate.api.eventtime;
