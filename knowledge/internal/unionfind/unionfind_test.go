package unionfind

import (
	"reflect"
	"testing"
)

func TestGroupsDoNotDependOnTheOrderOfJoins(t *testing.T) {
	joins := [][2]int{{5, 2}, {7, 5}, {1, 3}, {6, 6}, {3, 8}}
	want := [][]int{{0}, {1, 3, 8}, {2, 5, 7}, {4}, {6}}
	for _, reversed := range []bool{false, true} {
		s := New(9)
		for k := range joins {
			j := joins[k]
			if reversed {
				j = joins[len(joins)-1-k]
			}
			s.Union(j[0], j[1])
		}
		if got := s.Groups(nil); !reflect.DeepEqual(got, want) {
			t.Errorf("reversed=%v: groups %v, want %v", reversed, got, want)
		}
		if s.Find(7) != 2 || s.Find(8) != 1 {
			t.Errorf("roots %d and %d, want the smallest items 2 and 1", s.Find(7), s.Find(8))
		}
	}
	s := New(4)
	s.Union(3, 1)
	if got := s.Groups(func(i int) bool { return i != 1 }); !reflect.DeepEqual(got, [][]int{{0}, {2}, {3}}) {
		t.Errorf("kept groups %v", got)
	}
}
