"""Wrong: keeps the k nearest in a max-heap of (−distance, index); among equal distances the heap
pops the lower index first, so distance ties go to the HIGHER training index."""

import heapq
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    out = []
    for x in X_test:
        heap = []
        for j, t in enumerate(X_train):
            heapq.heappush(heap, (-float(np.sum((x - t) ** 2)), j))
            if len(heap) > k:
                heapq.heappop(heap)
        counts = Counter(int(y_train[j]) for _, j in heap)
        best = max(counts.values())
        out.append(min(label for label, c in counts.items() if c == best))
    return np.array(out, dtype=np.int64)
