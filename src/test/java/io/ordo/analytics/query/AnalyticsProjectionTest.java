package io.ordo.analytics.query;

import io.ordo.support.ProjectionSliceTest;

/** The analytics figures on H2, in the projections' shared slice: each test in a transaction that is rolled back. */
@ProjectionSliceTest
class AnalyticsProjectionTest extends AnalyticsFiguresContract {}
