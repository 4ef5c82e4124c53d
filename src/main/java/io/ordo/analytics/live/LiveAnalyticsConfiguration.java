package io.ordo.analytics.live;

import io.ordo.analytics.AnalyticsProperties;
import io.ordo.analytics.api.AnalyticsStream;
import io.ordo.platform.live.LiveStreams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveAnalyticsConfiguration {

    @Bean(destroyMethod = "close")
    LiveAnalytics liveAnalytics(QueryGateway queries, AnalyticsProperties properties) {
        return new LiveAnalytics(queries, properties.live());
    }

    /** The streams the API's and the console's controllers open; {@link LiveAnalytics} closes them. */
    @Bean(name = AnalyticsStream.BEAN, destroyMethod = "")
    LiveStreams analyticsLiveStreams(LiveAnalytics live) {
        return live.streams();
    }
}
