package io.ordo.analytics.web;

import io.ordo.analytics.api.AnalyticsStream;
import io.ordo.platform.live.LiveStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics")
class LiveAnalyticsController {

    private final LiveStreams streams;

    LiveAnalyticsController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(
            summary = "Live analytics changes",
            description = "A server-sent event stream: an event named analytics, its data an AnalyticsChange as JSON"
                    + " ({\"figures\":[\"SALES\",...],\"latestEventAt\":...}), within a second of the commit of events"
                    + " that changed those figures; read the figures again on it. Idle, a comment line every"
                    + " ordo.live.heartbeat; closed after ordo.live.timeout (EventSource reconnects). At most"
                    + " ordo.live.max-streams streams per instance (every live page's together), then 503.")
    @ApiResponse(
            responseCode = "200",
            description = "The stream, open until the client leaves or its time-out",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() {
        return streams.open(AnalyticsStream.TOPIC);
    }
}
