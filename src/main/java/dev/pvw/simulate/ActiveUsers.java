package dev.pvw.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** The users who can view pages in one hour, drawn in proportion to how active each is. */
final class ActiveUsers {
    private final long[] userIds;
    private final double[] cumulativeActivity;

    ActiveUsers(List<Long> userIds, ToDoubleFunction<Long> activity) {
        this.userIds = userIds.stream().mapToLong(Long::longValue).toArray();
        this.cumulativeActivity = new double[this.userIds.length];
        double total = 0;
        for (int index = 0; index < this.userIds.length; index++) {
            total += activity.applyAsDouble(this.userIds[index]);
            cumulativeActivity[index] = total;
        }
    }

    int size() {
        return userIds.length;
    }

    /** A user, the more active ones more often. */
    long draw(RandomGenerator random) {
        double target = random.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
        int position = Arrays.binarySearch(cumulativeActivity, target);
        int index = position >= 0 ? position + 1 : -position - 1;
        return userIds[Math.min(index, userIds.length - 1)];
    }
}
